#include "base/message.hpp"

#include <functional>
#include <mutex>
#include <unordered_set>

namespace lovsjekk {

namespace {

struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

}  // namespace

Key Key::intern(std::string_view text) {
    // Node-based, so a kept text never moves; never freed, so a key held by a
    // static outlives nothing it points to; the editor's threads may intern at once.
    static std::mutex guard;
    static auto* kept = new std::unordered_set<std::string, TextHash, std::equal_to<>>;
    const std::lock_guard<std::mutex> lock(guard);
    auto it = kept->find(text);
    if (it == kept->end()) it = kept->emplace(text).first;
    return Key(it->c_str(), Lasting{});
}

}  // namespace lovsjekk
