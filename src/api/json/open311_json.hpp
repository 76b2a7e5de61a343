// Open311 GeoReport v2 documents in both of the spec's formats. Each answer is built once as a
// small tree (Open311Doc) and written as JSON or as XML with the spec's element names (a list is
// an element holding one element per item: <services><service>..</service></services>), so the
// two formats cannot drift apart. Also the decoder of the form-encoded POST.
#pragma once

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "app/engagement/open311.hpp"
#include "http/http_types.hpp"

namespace motcua::app {

// {id, label, api_key, issued_at}: the key is in this answer only.
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const IssuedOpen311Key& key);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const RevokedOpen311Key& key);

}  // namespace motcua::app

namespace motcua::api {

struct Open311Field;

struct Open311Value {
  enum class Kind { null, text, boolean, integer, number, record, list };
  Kind kind = Kind::null;
  std::string text;
  bool boolean = false;
  std::int64_t integer = 0;
  double number = 0;
  std::vector<Open311Field> record;
  std::string item_name;  // a list: the XML element of each item
  std::vector<std::vector<Open311Field>> items;
};

struct Open311Field {
  std::string name;
  Open311Value value;
};

// A whole answer: a list (GET services, requests, errors) or one record (a service definition).
struct Open311Doc {
  std::string root;
  Open311Value value;
};

enum class Open311Format { json, xml };

std::string to_json_text(const Open311Doc& doc);
// With the XML declaration; text escaped (&, <, >, quotes) and characters XML 1.0 forbids dropped.
std::string to_xml_text(const Open311Doc& doc);
http::HttpResponse open311_response(int status, const Open311Doc& doc, Open311Format format);

Open311Doc services_doc(const app::Open311Services& services);
Open311Doc service_definition_doc(const engagement::Open311Service& service);
Open311Doc receipt_doc(const app::Open311Receipt& receipt);
Open311Doc requests_doc(const std::vector<app::Open311RequestView>& requests);
// GeoReport's error format: a list of {code, description}; the description is Vietnamese, then
// English after " / ".
Open311Doc errors_doc(int status, const app::AppError& error);

// The application/x-www-form-urlencoded body of POST requests: api_key, jurisdiction_id,
// service_code, lat, long, address_string, email, device_id, account_id, first_name, last_name,
// phone, description, media_url, attribute[code]. A field sent twice or too long is a 400.
app::AppResult<app::Open311Submission> open311_submission_from_form(std::string_view body);

// {label}: who the administrator issues an API key to.
app::AppResult<std::string> open311_key_label_from_json(const boost::json::value& body);

}  // namespace motcua::api
