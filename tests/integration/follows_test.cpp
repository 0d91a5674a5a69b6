// Follows and digests through real HTTP and a real SMTP server (aiosmtpd): following from a page,
// co-porteurs following their coalition, the digest of what changed — daily or weekly, once per
// period, nothing when nothing changed — and its one-click unsubscription.
#include <date/date.h>
#include <gtest/gtest.h>

#include "integration/commons_site.hpp"
#include "integration/mail_support.hpp"

namespace fabrique::test {
namespace {

constexpr const char* kSlug = kCommonsCoalition;

TEST(Follows, ADigestTellsWhatChangedInWhatOneFollowsOncePerPeriodAndNothingWhenNothingChanged) {
  SmtpServer smtp(smtp_folder("follows-1"));
  CommonsSite p(through(smtp));
  Browser member = p.signed_in("membre@example.org"), other = p.signed_in("autre@example.org");
  Browser anim = p.signed_in("anim@example.org");

  // The co-porteur follows their coalition already; the member follows it from its page, daily.
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM follows WHERE subject = 'coalition' AND user_id = " +
                         std::to_string(p.porteur.id)),
            1);
  auto page = member.get(std::string("/coalitions/") + kSlug);
  ASSERT_NE(page.body.find("/suivre"), std::string::npos);
  ASSERT_EQ(member.post(std::string("/coalitions/") + kSlug + "/suivre", {{"suivre", "1"}}).status, 303);
  ASSERT_EQ(member.post(std::string("/coalitions/") + kSlug + "/suivre", {{"suivre", "1"}}).status, 303);  // once
  EXPECT_NE(member.get(std::string("/coalitions/") + kSlug).body.find("Ne plus suivre"), std::string::npos);
  member.get("/compte/notifications");
  ASSERT_EQ(member.post("/compte/resume", {{"digest", "daily"}}).status, 303);
  auto choices = member.get("/compte/notifications");
  EXPECT_NE(choices.body.find(R"(value="daily" checked)"), std::string::npos);
  EXPECT_NE(choices.body.find("Développer et maintenir les communs numériques"), std::string::npos);
  // What one follows links to its page, and its button posts where the page's own does.
  EXPECT_NE(choices.body.find(std::string(R"(<a href="/coalitions/)") + kSlug + R"(">)"), std::string::npos);
  EXPECT_NE(choices.body.find(std::string(R"(action="/coalitions/)") + kSlug + R"(/suivre")"), std::string::npos);
  // Someone else follows an organisation where nothing happens.
  other.get("/organisations/fing");
  ASSERT_EQ(other.post("/organisations/fing/suivre", {{"suivre", "1"}}).status, 303);
  auto followed = other.get("/compte/notifications").body;
  EXPECT_NE(followed.find(R"(<a href="/organisations/fing">)"), std::string::npos);
  EXPECT_NE(followed.find(R"(action="/organisations/fing/suivre")"), std::string::npos);
  // Bad input: an unknown frequency is refused, nothing changed.
  EXPECT_EQ(other.post("/compte/resume", {{"digest", "hourly"}}).status, 400);
  EXPECT_EQ(other.post("/organisations/fing/suivre", {{"suivre", "peut-etre"}}).status, 400);

  // Today: a resource published and an event for the coalition.
  ASSERT_EQ(CommonsSite::propose(anim, "Guide des communs", "Un guide.", "CC-BY-4.0", "guide", kSlug).status, 303);
  anim.get("/ressources/guide-des-communs");
  ASSERT_EQ(anim.post("/ressources/guide-des-communs/publier", {}).status, 303);
  anim.get("/evenements/nouveau");
  const auto day = std::chrono::floor<std::chrono::days>(p.site.now()) + std::chrono::days(20);
  ASSERT_EQ(anim.post("/evenements/nouveau", {{"kind", "atelier-de-coalition"},
                                              {"title", "Atelier des communs"},
                                              {"slug", "atelier-communs"},
                                              {"starts", date::format("%F", day) + "T10:00"},
                                              {"ends", date::format("%F", day) + "T12:00"},
                                              {"coalitions", kSlug}})
                .status,
            303);
  p.site.deliver_mail();
  const auto before = mails_to(smtp, "membre@example.org").size();

  // Today's changes are in no ended period yet.
  EXPECT_EQ(p.site.run_chores(), 0);
  p.site.deliver_mail();
  EXPECT_EQ(mails_to(smtp, "membre@example.org").size(), before);

  // Tomorrow, the daily digest tells them, once.
  p.site.advance(std::chrono::hours(24));
  EXPECT_EQ(p.site.run_chores(), 0);
  EXPECT_EQ(p.site.run_chores(), 0);
  p.site.deliver_mail();
  auto mails = mails_to(smtp, "membre@example.org");
  ASSERT_EQ(mails.size(), before + 1);
  const auto& digest = mails.back();
  EXPECT_EQ(header(digest, "subject"), "Ce qui a changé hier dans ce que vous suivez");
  const std::string text = text_of(digest, "text");
  EXPECT_NE(text.find("Coalition 8.a — Développer et maintenir les communs numériques"), std::string::npos) << text;
  EXPECT_NE(text.find("Nouvelle ressource : Guide des communs"), std::string::npos) << text;
  EXPECT_NE(text.find("Nouvel événement : Atelier des communs"), std::string::npos) << text;
  EXPECT_EQ(header(digest, "list-unsubscribe-post"), "List-Unsubscribe=One-Click");
  // Nothing changed where the other person looks: no mail.
  EXPECT_TRUE(mails_to(smtp, "autre@example.org").empty());

  // The co-porteur's weekly digest comes once the week is over.
  const date::sys_days today = std::chrono::floor<date::days>(p.site.now());
  const auto next_monday = today + (date::Monday - date::weekday(today));
  p.site.advance(std::chrono::duration_cast<std::chrono::seconds>(next_monday - today) + std::chrono::hours(1));
  p.site.run_chores();
  p.site.deliver_mail();
  auto weekly = mails_to(smtp, "porteur@example.org");
  ASSERT_FALSE(weekly.empty());
  EXPECT_EQ(header(weekly.back(), "subject"), "Ce qui a changé cette semaine dans ce que vous suivez");
  EXPECT_NE(text_of(weekly.back(), "text").find("Guide des communs"), std::string::npos);

  // The digest's one-click unsubscription: no more digests, and the page says "never".
  const std::string path = link_in(digest, "/courriels/desabonnement/");
  ASSERT_FALSE(path.empty());
  EXPECT_EQ(request(p.site.port(), "POST", path, {{"Content-Type", "application/x-www-form-urlencoded"}},
                    "List-Unsubscribe=One-Click")
                .status,
            200);
  EXPECT_NE(member.get("/compte/notifications").body.find(R"(value="never" checked)"), std::string::npos);

  // Following stops from the list of what one follows.
  auto stop = member.post(std::string("/coalitions/") + kSlug + "/suivre", {{"suivre", "0"}, {"retour", "compte"}});
  ASSERT_EQ(stop.status, 303);
  EXPECT_EQ(stop.header("location"), "/compte/notifications#resume");
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM follows WHERE user_id = " + std::to_string(p.member.id)), 0);
}

}  // namespace
}  // namespace fabrique::test
