// `lovsjekk import lovdata ARCHIVE`: Lovdata's tar archives read with
// libarchive, and hostile archives (made here with libarchive's writer).
#include "cli/commands.hpp"
#include "corpus/index_io.hpp"
#include "corpus/lovdata_archive.hpp"
#include "corpus/lovtidend.hpp"
#include "corpus/statute_text.hpp"

#include "import_support.hpp"
#include "support.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <doctest/doctest.h>
#include <pugixml.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <iterator>
#include <sstream>

using namespace lovsjekk;
namespace fs = std::filesystem;

namespace {

using testing::run_import;

testing::ImportRun import(const cli::Args& args) { return run_import(args); }

std::filesystem::path temp_dir(const char* name) { return testing::fresh_temp_dir("archive-" + std::string(name)); }

std::string law_xml(const std::string& id, const std::string& short_title, const std::string& lang = "no") {
    return "<!DOCTYPE html><html lang=\"" + lang + "\"><head><title>T</title></head><body>"
           "<header class=\"documentHeader\"><dl class=\"data-document-key-info\">"
           "<dt class=\"legacyID\">Datokode</dt><dd class=\"legacyID\">" + id + "</dd>"
           "<dt class=\"dateInForce\">I kraft</dt><dd class=\"dateInForce\">2001-01-01</dd>"
           "<dt class=\"titleShort\">K</dt><dd class=\"titleShort\">" + short_title + "</dd>"
           "</dl></header><main class=\"documentBody\">"
           "<article class=\"legalArticle\" data-name=\"§1\"><article class=\"legalP\">Barn som har fylt 15 år.</article></article>"
           "<article class=\"legalArticle\" data-name=\"§2\"><article class=\"legalP\">Tekst.</article></article>"
           "</main></body></html>";
}

struct Entry {
    std::string name;
    std::string bytes;
    int type = AE_IFREG;
};

enum class Compression { none, bzip2, gzip };

/// Writes a tar archive of `entries` with libarchive's writer.
void write_tar(const fs::path& path, const std::vector<Entry>& entries, Compression compression) {
    archive* a = archive_write_new();
    if (compression == Compression::bzip2) archive_write_add_filter_bzip2(a);
    if (compression == Compression::gzip) archive_write_add_filter_gzip(a);
    archive_write_set_format_pax_restricted(a);
    REQUIRE(archive_write_open_filename(a, path.c_str()) == ARCHIVE_OK);
    for (const Entry& e : entries) {
        archive_entry* entry = archive_entry_new();
        archive_entry_set_pathname(entry, e.name.c_str());
        archive_entry_set_filetype(entry, static_cast<unsigned>(e.type));
        archive_entry_set_perm(entry, 0644);
        if (e.type == AE_IFLNK) archive_entry_set_symlink(entry, "/etc/passwd");
        archive_entry_set_size(entry, e.type == AE_IFREG ? static_cast<la_int64_t>(e.bytes.size()) : 0);
        REQUIRE(archive_write_header(a, entry) == ARCHIVE_OK);
        if (e.type == AE_IFREG) archive_write_data(a, e.bytes.data(), e.bytes.size());
        archive_entry_free(entry);
    }
    archive_write_close(a);
    archive_write_free(a);
}

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<fs::path> files_in(const fs::path& dir) {
    std::vector<fs::path> files;
    if (fs::is_directory(dir))
        for (const auto& e : fs::recursive_directory_iterator(dir)) files.push_back(e.path());
    return files;
}

}  // namespace

TEST_CASE("corpus: an archive in any of Lovdata's compressions imports every document") {
    const auto dir = temp_dir("ok");
    const std::vector<Entry> entries = {
        {"nl", "", AE_IFDIR},
        {"nl/nl-20000101-001.xml", law_xml("LOV-2000-01-01-1", "Testloven – tl")},
        {"nl/nl-20000101-002.xml", law_xml("LOV-2000-01-01-2", "Andre loven – al")},
        {"nl/README.txt", "not a document"},
    };
    for (auto [compression, name] : {std::pair{Compression::bzip2, "a.tar.bz2"}, std::pair{Compression::gzip, "a.tar.gz"},
                                     std::pair{Compression::none, "a.tar"}}) {
        CAPTURE(name);
        write_tar(dir / name, entries, compression);
        const auto out = dir / ("out-" + std::string(name));
        auto r = import({"lovdata", (dir / name).string(), "-o", out.string()});
        CHECK(r.code == 0);
        CHECK(r.err == "");
        CHECK(r.out.find("imported LOV-2000-01-01-1 (2 sections)") != std::string::npos);
        CHECK(r.out.find("imported LOV-2000-01-01-2 (2 sections)") != std::string::npos);
        CHECK(files_in(out).size() == 2);
    }
    fs::remove_all(dir);
}

TEST_CASE("corpus: the nynorsk twin of a document is kept apart and the bare id finds the bokmål text") {
    const auto dir = temp_dir("nn");
    write_tar(dir / "g.tar.bz2",
              {{"nl/nl-18140517-000.xml", law_xml("LOV-1814-05-17", "Grunnloven – Grl.", "nb")},
               {"nl/nl-18140517-000-nn.xml", law_xml("LOV-1814-05-17", "Grunnlova (nynorsk) – Grl.", "nn")}},
              Compression::bzip2);
    auto r = import({"lovdata", (dir / "g.tar.bz2").string(), "-o", (dir / "out").string()});
    CHECK(r.code == 0);
    CHECK(r.err == "");
    CHECK(fs::exists(dir / "out" / "LOV-1814-05-17.json"));
    CHECK(fs::exists(dir / "out" / "LOV-1814-05-17-NN.json"));
    Diagnostics diags;
    const corpus::Corpus c = corpus::load_corpus(dir / "out", diags);
    CHECK(c.size() == 2);
    CHECK(c.unread_count() == 2);
    const corpus::Law* bokmal = c.find("lov/1814-05-17");
    REQUIRE(bokmal);
    CHECK(bokmal->short_title == "Grunnloven");
    CHECK(c.unread_count() == 1);  // only what was asked for is read
    const corpus::Law* nynorsk = c.find("LOV-1814-05-17-nn");
    REQUIRE(nynorsk);
    CHECK(nynorsk->variant == "nn");
    CHECK(nynorsk->short_title == "Grunnlova (nynorsk)");
    CHECK(diags.all().empty());
    fs::remove_all(dir);
}

TEST_CASE("corpus: a document that fails is named by its place in the archive and the rest go on") {
    const auto dir = temp_dir("partial");
    write_tar(dir / "p.tar.bz2",
              {{"nl/nl-20000101-001.xml", "<html><body><main class=\"documentBody\"></mian></body></html>"},
               {"nl/nl-20000101-002.xml", law_xml("LOV-2000-01-01-2", "Andre loven – al")}},
              Compression::bzip2);
    auto r = import({"lovdata", (dir / "p.tar.bz2").string(), "-o", (dir / "out").string()});
    CHECK(r.code == 2);
    CHECK(r.err.find("p.tar.bz2:nl/nl-20000101-001.xml:1:") != std::string::npos);
    CHECK(r.err.find("malformed XML") != std::string::npos);
    CHECK(r.out.find("imported LOV-2000-01-01-2") != std::string::npos);
    CHECK(files_in(dir / "out").size() == 1);
    fs::remove_all(dir);
}

TEST_CASE("corpus: hostile archives give clear errors, exit 2, and never write where an entry points") {
    const auto dir = temp_dir("hostile");
    const auto out = dir / "out";

    SUBCASE("path traversal and absolute names are refused; links are skipped") {
        write_tar(dir / "t.tar.bz2",
                  {{"../escaped.xml", law_xml("LOV-2000-01-01-1", "Testloven – tl")},
                   {"nl/../../escaped2.xml", law_xml("LOV-2000-01-01-3", "Testloven – tl")},
                   {"/tmp/absolute.xml", law_xml("LOV-2000-01-01-4", "Testloven – tl")},
                   {"nl/link.xml", "", AE_IFLNK},
                   {"nl/nl-20000101-002.xml", law_xml("LOV-2000-01-01-2", "Andre loven – al")}},
                  Compression::bzip2);
        auto r = import({"lovdata", (dir / "t.tar.bz2").string(), "-o", out.string()});
        CHECK(r.code == 2);
        CHECK(r.err.find("../escaped.xml: unsafe entry name") != std::string::npos);
        CHECK(r.err.find("nl/../../escaped2.xml: unsafe entry name") != std::string::npos);
        CHECK(r.err.find("/tmp/absolute.xml: unsafe entry name") != std::string::npos);
        CHECK(r.err.find("nl/link.xml: not a regular file; skipped") != std::string::npos);
        CHECK_FALSE(fs::exists(dir / "escaped.xml"));
        CHECK_FALSE(fs::exists(dir.parent_path() / "escaped2.xml"));
        CHECK(files_in(out) == std::vector<fs::path>{out / "LOV-2000-01-01-2.json"});
    }
    SUBCASE("a document id that is no Lovdata id names no file") {
        write_tar(dir / "id.tar", {{"nl/x.xml", law_xml("../../LOV-2000", "Testloven – tl")}}, Compression::none);
        auto r = import({"lovdata", (dir / "id.tar").string(), "-o", out.string()});
        CHECK(r.code == 2);
        CHECK(r.err.find("is not a Lovdata id") != std::string::npos);
        CHECK(files_in(dir).size() == 1);  // only the archive
    }
    SUBCASE("an entry over --max-entry-size is skipped with the option named") {
        std::string big = law_xml("LOV-2000-01-01-9", "Stor – st");
        big.insert(big.size() - 14, std::string(300'000, ' '));
        write_tar(dir / "big.tar.bz2", {{"nl/big.xml", big}, {"nl/ok.xml", law_xml("LOV-2000-01-01-2", "A – a")}},
                  Compression::bzip2);
        auto r = import({"lovdata", (dir / "big.tar.bz2").string(), "-o", out.string(), "--max-entry-size", "200K"});
        CHECK(r.code == 2);
        CHECK(r.err.find("nl/big.xml: ") != std::string::npos);
        CHECK(r.err.find("over the limit of 204800 bytes; skipped (raise it with --max-entry-size)") !=
              std::string::npos);
        CHECK(files_in(out).size() == 1);
        auto raised = import({"lovdata", (dir / "big.tar.bz2").string(), "-o", out.string(), "--max-entry-size", "1M"});
        CHECK(raised.code == 0);
        CHECK(import({"lovdata", (dir / "big.tar.bz2").string(), "--max-entry-size", "lots"}).code == 2);
    }
    SUBCASE("more entries than --max-entries stop the reading") {
        write_tar(dir / "many.tar", {{"a.xml", law_xml("LOV-2000-01-01-1", "A – a")},
                                     {"b.xml", law_xml("LOV-2000-01-01-2", "B – b")},
                                     {"c.xml", law_xml("LOV-2000-01-01-3", "C – c")}},
                  Compression::none);
        auto r = import({"lovdata", (dir / "many.tar").string(), "-o", out.string(), "--max-entries", "2"});
        CHECK(r.code == 2);
        CHECK(r.err.find("more than 2 entries; stopped (raise the limit with --max-entries)") != std::string::npos);
        CHECK(files_in(out).size() == 2);
    }
    SUBCASE("a truncated bzip2 stream") {
        std::vector<Entry> entries;
        // Incompressible-ish content so that the stream is long enough to cut.
        std::string noise;
        unsigned x = 12345;
        for (int i = 0; i < 200'000; ++i) noise += static_cast<char>('a' + ((x = x * 1103515245 + 12345) >> 16) % 26);
        std::string doc = law_xml("LOV-2000-01-01-1", "A – a");
        doc.insert(doc.size() - 14, "<!--" + noise + "-->");
        entries.push_back({"nl/a.xml", doc});
        write_tar(dir / "whole.tar.bz2", entries, Compression::bzip2);
        const std::string bytes = read_all(dir / "whole.tar.bz2");
        std::ofstream(dir / "cut.tar.bz2", std::ios::binary) << bytes.substr(0, bytes.size() / 2);
        auto r = import({"lovdata", (dir / "cut.tar.bz2").string(), "-o", out.string()});
        CHECK(r.code == 2);
        CHECK(r.err.find("cut.tar.bz2: ") != std::string::npos);
        CHECK(r.err.find("damaged or truncated") != std::string::npos);
        CHECK_FALSE(fs::exists(out));
    }
    SUBCASE("a file that is no archive") {
        std::ofstream(dir / "notes.tar.bz2") << "These are notes, not an archive.\n";
        auto r = import({"lovdata", (dir / "notes.tar.bz2").string(), "-o", out.string()});
        CHECK(r.code == 2);
        CHECK(r.err.find("notes.tar.bz2: not a tar archive (plain, bzip2 or gzip)") != std::string::npos);
        CHECK_FALSE(fs::exists(out));
    }
    fs::remove_all(dir);
}

TEST_CASE("corpus: an entry's name with control characters is shown printable") {
    CHECK(corpus::printable("nl/\x1b[31mred.xml") == "nl/?[31mred.xml");
    CHECK(corpus::printable("bad \xff byte") == "bad ? byte");
    CHECK(corpus::printable("Grunnlova – nynorsk") == "Grunnlova – nynorsk");
}

TEST_CASE("corpus: Lovdata's archive of current laws gives one index per document" * LOVSJEKK_NEEDS_SHARED) {
    const auto archive = *testing::shared_dir() / "lovdata-archives" / "gjeldende-lover.tar.bz2";
    if (!fs::exists(archive)) {
        MESSAGE("skipped: " << archive.filename().string() << " is not in ../shared/lovdata-archives");
        return;
    }
    const auto dir = temp_dir("lovdata");
    auto r = import({"lovdata", archive.string(), "-o", dir.string()});
    CHECK(r.code == 0);
    CHECK(r.err.find(": error:") == std::string::npos);  // notes and warnings on odd documents only
    CHECK(files_in(dir).size() == 755);
    CHECK(fs::exists(dir / "LOV-1814-05-17.json"));
    CHECK(fs::exists(dir / "LOV-1814-05-17-NN.json"));
    // Each index has the section count of its XML: checked against an
    // independent count of legalArticle elements for every document.
    corpus::ArchiveLimits limits;
    Diagnostics diags;
    std::size_t checked = 0;
    const corpus::Corpus c = corpus::load_corpus(dir, diags);
    corpus::read_lovdata_archive(
        archive, limits,
        [&](corpus::ArchiveDocument&& doc) {
            // Independent count: the legalArticle and futureLegalArticle
            // elements with a data-name that are the law's own sections (not
            // those an amending instruction inside it gives another law,
            // nested in a section or a document-change); a future version of
            // a section already there is that section's pending change.
            pugi::xml_document xml;
            REQUIRE(xml.load_buffer(doc.bytes.data(), doc.bytes.size()));
            std::set<std::string> seen;
            std::size_t articles = 0;
            std::function<void(pugi::xml_node, bool)> walk = [&](pugi::xml_node n, bool inside) {
                for (pugi::xml_node c : n.children()) {
                    const std::string cls = c.attribute("class").as_string();
                    const bool future = cls == "futureLegalArticle";
                    const bool section = std::string_view(c.name()) == "article" && (cls == "legalArticle" || future);
                    if (section && !inside && c.attribute("data-name")) {
                        const bool fresh = seen.insert(c.attribute("data-name").as_string()).second;
                        if (fresh || !future) ++articles;
                    }
                    walk(c, inside || section || cls == "document-change" || cls == "change");
                }
            };
            walk(xml, false);
            const std::string_view id_tag = "<dd class=\"legacyID\">";
            const auto id_at = doc.bytes.find(id_tag) + id_tag.size();
            std::string key = doc.bytes.substr(id_at, doc.bytes.find('<', id_at) - id_at);
            if (doc.name.ends_with("-nn.xml")) key += "-NN";
            CAPTURE(doc.name);
            CHECK(r.out.find("imported " + key + " (" + std::to_string(articles) + " sections) -> ") !=
                  std::string::npos);
            ++checked;
        },
        diags);
    CHECK(checked == 755);
    fs::remove_all(dir);
}

TEST_CASE("corpus: import lovtidend writes the amending acts touching the given laws") {
    const auto dir = temp_dir("lovtidend");
    const std::string act =
        "<html><body><header><dl class=\"data-document-key-info\"><dd class=\"legacyID\">LOV-2025-06-20-9</dd>"
        "<dd class=\"dateInForce\">Kongen bestemmer</dd><dd class=\"dateOfPublication\">2025-06-20 12:00</dd></dl>"
        "</header><main class=\"documentBody\"><article class=\"document-change\" data-document=\"lov/2000-01-01-1\">"
        "<article class=\"change\" data-change-part=\"lov/2000-01-01-1/§3\"><article class=\"defaultP\">§ 3 skal lyde:"
        "</article><article class=\"legalP\">Barn over 15 år.</article></article></article></main></body></html>";
    write_tar(dir / "lti.tar.bz2",
              {{"lti/2025/nl-20250620-009.xml", act},
               {"lti/2025/nl-20250620-010.xml", law_xml("LOV-2025-06-20-10", "Ny lov – nl")}},
              Compression::bzip2);
    auto r = import({"lovtidend", (dir / "lti.tar.bz2").string(), "-o", (dir / "out").string(), "--lang", "en"});
    CHECK(r.code == 0);
    CHECK(r.err == "");
    CHECK(r.out.find("indexed 1 amending act (1 change) -> ") != std::string::npos);
    Diagnostics diags;
    const auto index = corpus::load_amendments(dir / "out", diags);
    REQUIRE(index.acts().size() == 1);
    CHECK(index.changes_to("LOV-2000-01-01-1", "3").size() == 1);
    auto only = import({"lovtidend", (dir / "lti.tar.bz2").string(), "-o", (dir / "other").string(), "--law",
                        "LOV-1999-01-01-1"});
    CHECK(only.code == 0);
    CHECK(corpus::load_amendments(dir / "other", diags).empty());
    fs::remove_all(dir);
}
