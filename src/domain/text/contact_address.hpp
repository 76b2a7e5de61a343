// The address a citizen signs up with and receives one-time codes at: an e-mail address or a
// Vietnamese phone number. Normalised so that one person's address is one key whatever way it was
// typed (case of an e-mail address, spaces, dots and the +84 prefix of a phone number); the
// normalised address is the account's username.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace motcua::text {

enum class AddressKind { email, phone };

struct ContactAddress {
  AddressKind kind = AddressKind::email;
  std::string value;  // e-mail in lower case, or a phone as 0 and 9 digits
};

// nullopt when the text is neither a plausible e-mail address nor a phone number of 10 digits
// (0xxxxxxxxx, +84xxxxxxxxx or 84xxxxxxxxx, with spaces, dots or dashes allowed). Whether a phone
// number belongs to a mobile network is the SMS gateway's business (data/notifications/
// vn-mobile-numbering.json); an e-mail address is proved by the code reaching it.
std::optional<ContactAddress> parse_contact_address(std::string_view text);

}  // namespace motcua::text
