// The Open311 GeoReport v2 specification's own examples that the tests replay. Origin:
// https://wiki.open311.org/GeoReport_v2, section "POST Service Request" (example request) and
// "Errors" (the 403 description), as collected in ../shared/data/open311 (05-post-service-
// request.txt, 15-errors.txt). The spec's api_key "xyz" is not a key this server issued.
#pragma once

#include <string_view>

namespace motcua::testing {

inline constexpr std::string_view kSpecPostBody =
    "api_key=xyz&jurisdiction_id=city.gov&service_code=001&lat=37.76524078&long=-122.4212043&"
    "address_string=1234+5th+street&email=smit333%40sfgov.edu&device_id=tt222111&account_id="
    "123456&first_name=john&last_name=smith&phone=111111111&description=A+large+sinkhole+is+"
    "destroying+the+street&media_url=http%3A%2F%2Ffarm3.static.flickr.com%2F2002%2F2212426634_"
    "5ed477a060.jpg&attribute[WHISPAWN]=123456&attribute[WHISDORN]=COISL001";

}  // namespace motcua::testing
