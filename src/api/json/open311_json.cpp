#include "api/json/open311_json.hpp"

#include <boost/json.hpp>
#include <charconv>
#include <map>
#include <set>

#include "domain/text/markup.hpp"

namespace motcua::app {

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const IssuedOpen311Key& key) {
  out = {
      {"id", key.id}, {"label", key.label}, {"api_key", key.api_key}, {"issued_at", key.issued_at}};
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& out,
                const RevokedOpen311Key& key) {
  out = {{"id", key.id}, {"revoked_at", key.revoked_at}};
}

}  // namespace motcua::app

namespace motcua::api {

namespace json = boost::json;

namespace {

using Record = std::vector<Open311Field>;

constexpr std::size_t kMaxFieldBytes = 5000;

Open311Value text(const std::string& s) {
  Open311Value v;
  v.kind = Open311Value::Kind::text;
  v.text = s;
  return v;
}

// GeoReport leaves unknown or empty values null in JSON (an empty element in XML).
Open311Value text_or_null(const std::string& s) { return s.empty() ? Open311Value{} : text(s); }

Open311Value boolean(bool b) {
  Open311Value v;
  v.kind = Open311Value::Kind::boolean;
  v.boolean = b;
  return v;
}

Open311Value integer(std::int64_t i) {
  Open311Value v;
  v.kind = Open311Value::Kind::integer;
  v.integer = i;
  return v;
}

// Coordinates are stored as sent; they were checked to be numbers when filed.
Open311Value number_or_null(const std::string& s) {
  double d = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
  if (s.empty() || ec != std::errc() || p != s.data() + s.size()) return {};
  Open311Value v;
  v.kind = Open311Value::Kind::number;
  v.number = d;
  v.text = s;  // XML shows the digits as sent
  return v;
}

Open311Value list(std::string item_name, std::vector<Record> items) {
  Open311Value v;
  v.kind = Open311Value::Kind::list;
  v.item_name = std::move(item_name);
  v.items = std::move(items);
  return v;
}

json::value json_of(const Open311Value& v);

json::object json_of(const Record& r) {
  json::object o;
  for (const auto& f : r) o[f.name] = json_of(f.value);
  return o;
}

json::value json_of(const Open311Value& v) {
  switch (v.kind) {
    case Open311Value::Kind::null:
      return nullptr;
    case Open311Value::Kind::text:
      return json::string(v.text);
    case Open311Value::Kind::boolean:
      return v.boolean;
    case Open311Value::Kind::integer:
      return v.integer;
    case Open311Value::Kind::number:
      return v.number;
    case Open311Value::Kind::record:
      return json_of(v.record);
    case Open311Value::Kind::list: {
      json::array a;
      for (const auto& item : v.items) a.push_back(json_of(item));
      return a;
    }
  }
  return nullptr;
}

void escape_into(std::string& out, std::string_view s) {
  // XML 1.0 allows no control characters but tab, newline and carriage return.
  std::string kept;
  kept.reserve(s.size());
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r')
      kept.push_back(c);
  }
  text::append_escaped_markup(out, kept);
}

void xml_into(std::string& out, const std::string& name, const Open311Value& v, int depth);

void record_into(std::string& out, const Record& r, int depth) {
  for (const auto& f : r) xml_into(out, f.name, f.value, depth);
}

void xml_into(std::string& out, const std::string& name, const Open311Value& v, int depth) {
  const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
  out += indent + "<" + name;
  switch (v.kind) {
    case Open311Value::Kind::null:
      out += "/>\n";
      return;
    case Open311Value::Kind::text:
      out += ">";
      escape_into(out, v.text);
      break;
    case Open311Value::Kind::boolean:
      out += v.boolean ? ">true" : ">false";
      break;
    case Open311Value::Kind::integer:
      out += ">" + std::to_string(v.integer);
      break;
    case Open311Value::Kind::number:
      out += ">";
      escape_into(out, v.text);
      break;
    case Open311Value::Kind::record:
      out += ">\n";
      record_into(out, v.record, depth + 1);
      out += indent;
      break;
    case Open311Value::Kind::list:
      out += ">\n";
      for (const auto& item : v.items) {
        Open311Value element;
        element.kind = Open311Value::Kind::record;
        element.record = item;
        xml_into(out, v.item_name, element, depth + 1);
      }
      out += indent;
      break;
  }
  out += "</" + name + ">\n";
}

Record service_record(const engagement::Open311Service& s) {
  return {{"service_code", text(s.service_code)},
          {"service_name", text(s.service_name)},
          {"description", text_or_null(s.description)},
          {"metadata", boolean(s.metadata())},
          {"type", text("realtime")},
          {"keywords", text_or_null(s.keywords)},
          {"group", text_or_null(s.group)}};
}

Record attribute_record(const engagement::Open311Attribute& a) {
  Record r{{"variable", boolean(true)},
           {"code", text(a.code)},
           {"datatype", text(a.datatype)},
           {"required", boolean(a.required)},
           {"datatype_description", text_or_null(a.datatype_description)},
           {"order", integer(a.order)},
           {"description", text(a.description)}};
  if (!a.values.empty()) {
    std::vector<Record> values;
    for (const auto& v : a.values) values.push_back({{"key", text(v.key)}, {"name", text(v.name)}});
    r.push_back({"values", list("value", std::move(values))});
  }
  return r;
}

Record request_record(const app::Open311RequestView& v) {
  return {{"service_request_id", text(v.service_request_id)},
          {"status", text(v.status)},
          {"status_notes", v.status_notes ? text(*v.status_notes) : Open311Value{}},
          {"service_name", text(v.service_name)},
          {"service_code", text(v.service_code)},
          {"description", text_or_null(v.description)},
          {"agency_responsible", text_or_null(v.agency_responsible)},
          {"service_notice", text_or_null(v.service_notice)},
          {"requested_datetime", text(v.requested_datetime)},
          {"updated_datetime", text(v.updated_datetime)},
          {"expected_datetime", text_or_null(v.expected_datetime)},
          {"address", text_or_null(v.address)},
          {"lat", number_or_null(v.lat)},
          {"long", number_or_null(v.lon)},
          {"media_url", text_or_null(v.media_url)}};
}

std::optional<std::string> form_decode(std::string_view s) {
  std::string plus_as_space(s);
  for (auto& c : plus_as_space) {
    if (c == '+') c = ' ';
  }
  return http::percent_decode(plus_as_space);
}

app::AppError form_error(const std::string& field, const std::string& vi, const std::string& en) {
  return app::AppError{app::ErrorKind::invalid_input, field, vi, en, field};
}

}  // namespace

std::string to_json_text(const Open311Doc& doc) { return json::serialize(json_of(doc.value)); }

std::string to_xml_text(const Open311Doc& doc) {
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  xml_into(out, doc.root, doc.value, 0);
  return out;
}

http::HttpResponse open311_response(int status, const Open311Doc& doc, Open311Format format) {
  if (format == Open311Format::xml)
    return http::HttpResponse::text(status, to_xml_text(doc), "text/xml; charset=utf-8");
  return http::HttpResponse::text(status, to_json_text(doc), "application/json; charset=utf-8");
}

Open311Doc services_doc(const app::Open311Services& services) {
  std::vector<Record> items;
  for (const auto& s : services) items.push_back(service_record(s));
  return {"services", list("service", std::move(items))};
}

Open311Doc service_definition_doc(const engagement::Open311Service& service) {
  std::vector<Record> attributes;
  for (const auto& a : service.attributes) attributes.push_back(attribute_record(a));
  Open311Value v;
  v.kind = Open311Value::Kind::record;
  v.record = {{"service_code", text(service.service_code)},
              {"attributes", list("attribute", std::move(attributes))}};
  return {"service_definition", std::move(v)};
}

Open311Doc receipt_doc(const app::Open311Receipt& receipt) {
  return {"service_requests",
          list("request", {{{"service_request_id", text(receipt.service_request_id)},
                            {"service_notice", text_or_null(receipt.service_notice)},
                            {"account_id", text_or_null(receipt.account_id)}}})};
}

Open311Doc requests_doc(const std::vector<app::Open311RequestView>& requests) {
  std::vector<Record> items;
  for (const auto& r : requests) items.push_back(request_record(r));
  return {"service_requests", list("request", std::move(items))};
}

Open311Doc errors_doc(int status, const app::AppError& error) {
  std::string description = error.message_vi + " / " + error.message_en;
  return {"errors",
          list("error", {{{"code", integer(status)}, {"description", text(description)}}})};
}

app::AppResult<app::Open311Submission> open311_submission_from_form(std::string_view body) {
  app::Open311Submission in;
  const std::map<std::string_view, std::string*> fields{{"api_key", &in.api_key},
                                                        {"jurisdiction_id", &in.jurisdiction_id},
                                                        {"service_code", &in.service_code},
                                                        {"lat", &in.lat},
                                                        {"long", &in.lon},
                                                        {"address_string", &in.address_string},
                                                        {"email", &in.email},
                                                        {"device_id", &in.device_id},
                                                        {"account_id", &in.account_id},
                                                        {"first_name", &in.first_name},
                                                        {"last_name", &in.last_name},
                                                        {"phone", &in.phone},
                                                        {"description", &in.description},
                                                        {"media_url", &in.media_url}};
  std::set<std::string> seen;
  while (!body.empty()) {
    const auto amp = body.find('&');
    const auto pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view{} : body.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    auto name = form_decode(pair.substr(0, eq));
    auto value =
        form_decode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1));
    if (!name || !value) {
      return tl::unexpected(form_error("body",
                                       "Thân yêu cầu không đúng dạng x-www-form-urlencoded.",
                                       "The body is not application/x-www-form-urlencoded."));
    }
    if (value->size() > kMaxFieldBytes) {
      return tl::unexpected(form_error(*name, "Trường " + *name + " dài quá 5000 byte.",
                                       "Field " + *name + " is longer than 5000 bytes."));
    }
    if (!seen.insert(*name).second) {
      return tl::unexpected(form_error(*name, "Trường " + *name + " được gửi hai lần.",
                                       "Field " + *name + " is sent twice."));
    }
    if (name->starts_with("attribute[") && name->ends_with("]")) {
      in.attributes[name->substr(10, name->size() - 11)] = std::move(*value);
    } else if (const auto it = fields.find(*name); it != fields.end()) {
      *it->second = std::move(*value);
    }
    // Other fields (address_id, ...) are accepted and ignored, as GeoReport lets servers do.
  }
  return in;
}

app::AppResult<std::string> open311_key_label_from_json(const json::value& body) {
  const auto* o = body.if_object();
  const auto* label = o ? o->if_contains("label") : nullptr;
  if (!label || !label->is_string()) {
    return tl::unexpected(form_error("label", "Cần trường label (tên ứng dụng nhận khóa).",
                                     "label (the client the key is issued to) is required."));
  }
  return std::string(label->as_string());
}

}  // namespace motcua::api
