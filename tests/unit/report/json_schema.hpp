// A small JSON Schema (draft-04) validator, enough for the SARIF 2.1.0
// schema: type, enum, const-free draft-04 keywords for objects, arrays,
// strings and numbers, $ref into the same document, allOf/anyOf/oneOf/not,
// and the formats SARIF uses, checked loosely. Test support only: CI then
// needs no validator package.
#pragma once

#include <boost/json/value.hpp>

#include <string>
#include <vector>

namespace lovsjekk::testing {

class JsonSchema {
public:
    explicit JsonSchema(boost::json::value document) : document_(std::move(document)) {}

    /// Every violation as "/json/pointer: what is wrong"; empty when `instance` is valid.
    std::vector<std::string> validate(const boost::json::value& instance) const;

private:
    void check(const boost::json::value& schema, const boost::json::value& instance, const std::string& where,
               std::vector<std::string>& errors, int depth) const;
    const boost::json::value& resolve(const std::string& ref) const;

    boost::json::value document_;
};

/// Reads and parses a JSON file; throws on failure.
boost::json::value read_json_file(const std::string& path);

}  // namespace lovsjekk::testing
