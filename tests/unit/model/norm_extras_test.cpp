// A norm's rarely used parts live apart from it (NormExtras).
#include "model/model.hpp"

#include <doctest/doctest.h>

using namespace lovsjekk;

TEST_CASE("a norm without extras reads them as empty, and its actor acts") {
    model::Norm n;
    n.actor = "helse-kommune";
    CHECK(n.uncertain().empty());
    CHECK(n.derived().empty());
    CHECK(n.remarks().empty());
    CHECK(n.worksheet_rows().empty());
    CHECK(n.performer().empty());
    CHECK(n.plain().empty());
    CHECK(n.acting_actor() == "helse-kommune");
}

TEST_CASE("a norm's extras, once made, are its own: a copy changes its own") {
    model::Norm n;
    n.actor = "kommune";
    n.extras().performer = "barnevern";
    n.extras().plain.emplace("nb", "Kommunen skal sørge for det.");
    n.extras().uncertain.push_back("usikker");
    CHECK(n.acting_actor() == "barnevern");
    CHECK(n.plain().at("nb") == "Kommunen skal sørge for det.");

    model::Norm copy = n;
    CHECK(copy.performer() == "barnevern");
    copy.extras().performer.clear();
    copy.extras().remarks.push_back("merknad");
    CHECK(copy.acting_actor() == "kommune");
    CHECK(copy.uncertain().size() == 1);
    // The first is as it was.
    CHECK(n.acting_actor() == "barnevern");
    CHECK(n.remarks().empty());
}
