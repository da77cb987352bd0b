// What make_context works out once for every check: the norms in force
// grouped by topic, and each one's topic group.
#include "check/check.hpp"
#include "check/finding.hpp"
#include "model/resolve.hpp"
#include "parse/parser.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <map>

using namespace lovsjekk;

TEST_CASE("make_context groups the bundled norms in force by topic, in id order, and knows each one's group") {
    Diagnostics diags;
    parse::Workspace workspace = parse::load_workspace({testing::source_dir() / "rules"}, {}, diags);
    const model::Model model = model::resolve(workspace, diags);
    REQUIRE_FALSE(diags.has_errors());
    model::Evaluation when;
    when.at = Date::from_ymd(2026, 11, 22);
    const check::Context ctx = check::make_context(model, when, nullptr);
    REQUIRE(ctx.in_force.size() > 100);

    // The same as grouping the norms in force one by one.
    std::map<std::string, std::vector<const model::Norm*>> expected;
    for (const model::Norm* n : ctx.in_force) expected[n->topic].push_back(n);
    CHECK(ctx.by_topic == expected);

    std::size_t grouped = 0;
    for (const model::Norm& n : model.norms) {
        CAPTURE(n.id);
        CHECK(check::group_of(ctx, n) == check::group_of(ctx, n.topic));
        if (ctx.norm_groups[static_cast<std::size_t>(&n - model.norms.data())]) ++grouped;
    }
    CHECK(grouped == ctx.in_force.size());
    // A norm outside the model is looked up by its topic.
    model::Norm outside;
    outside.topic = ctx.in_force.front()->topic;
    CHECK(check::group_of(ctx, outside) == check::group_of(ctx, outside.topic));
}
