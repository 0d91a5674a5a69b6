// Invitations by mail and choosing a date together (issue #17), over real HTTP with a real SMTP
// server: an invitation mailed and accepted by someone who signs up, used and expired links, bad
// addresses refused with nothing sent, resend and cancel; a date poll answered, changed, closed into
// a confirmed event with notices, and an answer after closing refused.
#include <date/date.h>
#include <gtest/gtest.h>

#include "coalitions/use_cases.hpp"
#include "events/use_cases.hpp"
#include "integration/mail_support.hpp"
#include "integration/site.hpp"
#include "taxonomies/taxonomy.hpp"
#include "views/html.hpp"

namespace fabrique::test {
namespace {

constexpr const char* kInvitingCoalition = "/coalitions/developper-et-maintenir-les-communs-numeriques";

// Mail through a real SMTP server; an animateur, a co-porteur and a member of one coalition; an
// event of that coalition whose date is to be confirmed.
struct InvitingProgramme {
  SmtpServer smtp;
  Site site;
  accounts::User anim = site.add_user("anim@example.org", "Anim", kPassword, true);
  accounts::User porteur = site.add_user("porteur@example.org", "Paule Porteur", kPassword);
  accounts::User member = site.add_user("membre@example.org", "Marc Membre", kPassword);
  accounts::User outsider = site.add_user("autre@example.org", "Olga Autre", kPassword);

  explicit InvitingProgramme(const std::string& test)
      : smtp(smtp_folder(test)), site(Site::small_limits(), through(smtp)) {
    auto c = site.db().acquire();
    taxonomies::add_term(*c, anim, taxonomies::kCoalitionFamilies, "Communs et territoires");
    coalitions::CoalitionInput in;
    in.number = "8.a";
    in.title = "Développer et maintenir les communs numériques";
    in.family = "communs-et-territoires";
    in.stage = "cadrage";
    if (!coalitions::create_coalition(*c, anim, in, site.now()).coalition)
      throw std::runtime_error("could not open the test coalition");
    const std::string slug = "developper-et-maintenir-les-communs-numeriques";
    coalitions::set_member_role(*c, anim, slug, porteur.id, coalitions::RoleChange::co_porteur, site.now());
    coalitions::set_member_role(*c, anim, slug, member.id, coalitions::RoleChange::membre, site.now());
    events::EventInput e;
    e.kind = "atelier-de-coalition";
    e.title = "Atelier territorial";
    e.slug = "atelier-territorial";
    const auto day = std::chrono::floor<std::chrono::days>(site.now()) + std::chrono::days(30);
    e.starts = date::format("%F", day) + "T14:00";
    e.ends = date::format("%F", day) + "T17:00";
    e.status = "tentative";
    e.coalitions = {slug};
    auto made = events::create_event(*c, anim, e, site.now());
    if (!made.event) throw std::runtime_error("could not make the test event: " + made.errors.items().front().first);
    site.deliver_mail();  // the co-porteur told of their role: out of the way of the mails counted below
  }

  std::string day(int days_ahead, const char* hour) {
    const auto d = std::chrono::floor<std::chrono::days>(site.now()) + std::chrono::days(days_ahead);
    return date::format("%F", d) + "T" + hour;
  }
};

HttpResponse invite_by_mail(Browser& b, const std::string& page, const std::string& emails,
                            const std::string& role = "membre", const std::string& message = "") {
  b.get(page + "/invitations");
  return b.post(page + "/invitations", {{"emails", emails}, {"role", role}, {"message", message}});
}

// Signs up through the form; `back` is the form's hidden "retour" (where the confirmation leads).
HttpResponse sign_up_invited(Browser& b, const std::string& email, const std::string& name,
                             const std::string& back = "") {
  b.get(back.empty() ? "/inscription" : "/inscription?retour=" + html::url_encode(back));
  std::vector<std::pair<std::string, std::string>> fields{{"name", name},          {"email", email},
                                                          {"password", kPassword}, {"password_confirmation", kPassword},
                                                          {"organisation", ""},    {"organisation_kind", ""}};
  if (!back.empty()) fields.emplace_back("retour", back);
  return b.post("/inscription", fields);
}

// The token of a mailed link: its "jeton" parameter.
std::string link_token(const std::string& link) {
  const auto from = link.find("jeton=") + 6;
  return link.substr(from, link.find('&', from) - from);
}

TEST(Invitations, AnInvitationMailedIsAcceptedBySomeoneWhoSignsUpAndJoinsTheCoalition) {
  InvitingProgramme p("invitations-1");
  Browser porteur(p.site);
  porteur.sign_in("porteur@example.org", kPassword);
  // The coalition's organiser page links to its invitations.
  EXPECT_NE(porteur.get(kInvitingCoalition).body.find(std::string(kInvitingCoalition) + "/invitations"),
            std::string::npos);
  auto sent = invite_by_mail(porteur, kInvitingCoalition, "Nadia@Example.org, jules@example.org\njules@example.org",
                             "co-porteur", "Nous aimerions votre regard sur les communs.");
  ASSERT_EQ(sent.status, 303) << sent.body;
  EXPECT_EQ(sent.header("location"), std::string(kInvitingCoalition) + "/invitations?fait=envoi&nombre=2");
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM invitations"), 2);  // the same address twice is invited once
  auto list = porteur.get(sent.header("location"));
  EXPECT_NE(list.body.find("2 invitations envoyées."), std::string::npos);
  EXPECT_NE(list.body.find("nadia@example.org"), std::string::npos);
  EXPECT_NE(list.body.find("En attente jusqu’au"), std::string::npos) << list.body;

  EXPECT_EQ(p.site.deliver_mail(), 2);
  auto mails = mails_to(p.smtp, "nadia@example.org");
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(header(mails[0], "subject"),
            "Invitation à la coalition « Développer et maintenir les communs numériques »");
  EXPECT_TRUE(header(mails[0], "list-unsubscribe").empty());  // to an address without an account
  const std::string text = text_of(mails[0], "text");
  EXPECT_NE(text.find("Paule Porteur vous invite à rejoindre la coalition"), std::string::npos) << text;
  EXPECT_NE(text.find("Nous aimerions votre regard sur les communs."), std::string::npos);
  const std::string link = link_in(mails[0], "/invitations/accepter");
  ASSERT_FALSE(link.empty()) << text;

  // A visitor sees what the link invites to, to which address (masked), and is asked to sign in or
  // create an account, both coming back to the invitation.
  Browser nadia(p.site);
  auto seen = nadia.get(link);
  EXPECT_EQ(seen.status, 200);
  EXPECT_NE(seen.body.find("Paule Porteur vous invite à rejoindre la coalition"), std::string::npos);
  EXPECT_NE(seen.body.find("destinée à l’adresse n***@example.org"), std::string::npos) << seen.body;
  const std::string back = html::url_encode(link);
  EXPECT_NE(seen.body.find("href=\"/connexion?retour=" + back + "\""), std::string::npos) << seen.body;
  EXPECT_NE(seen.body.find("href=\"/inscription?retour=" + back + "\""), std::string::npos) << seen.body;
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM invitations WHERE accepted_at IS NOT NULL"), 0);
  // The sign-up form keeps the way back, and so does its link to the sign-in form.
  auto sign_up_form = nadia.get("/inscription?retour=" + back);
  EXPECT_NE(sign_up_form.body.find("name=\"retour\" value=\"" + link + "\""), std::string::npos) << sign_up_form.body;
  EXPECT_NE(sign_up_form.body.find("href=\"/connexion?retour=" + back + "\""), std::string::npos);

  // She signs up; the mail confirming her address leads back to the invitation, and confirming signs
  // her in there, where one button accepts it.
  ASSERT_EQ(sign_up_invited(nadia, "nadia@example.org", "Nadia Diallo", link).status, 303);
  EXPECT_EQ(p.site.deliver_mail(), 1);
  const std::string confirm = link_in(mails_to(p.smtp, "nadia@example.org").back(), "/inscription/confirmer");
  EXPECT_NE(confirm.find("&retour=" + back), std::string::npos) << confirm;
  auto confirm_form = nadia.get(confirm);
  EXPECT_NE(confirm_form.body.find("name=\"retour\" value=\"" + link + "\""), std::string::npos) << confirm_form.body;
  auto confirmed = nadia.post("/inscription/confirmer", {{"jeton", link_token(confirm)}, {"retour", link}});
  ASSERT_EQ(confirmed.status, 303);
  EXPECT_EQ(confirmed.header("location"), link);
  auto form = nadia.get(confirmed.header("location"));
  EXPECT_NE(form.body.find("Accepter l’invitation"), std::string::npos) << form.body;
  auto accepted = nadia.post("/invitations/accepter", {{"jeton", link_token(link)}});
  ASSERT_EQ(accepted.status, 303) << accepted.body;
  EXPECT_EQ(accepted.header("location"), kInvitingCoalition);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM coalition_members m JOIN users u ON u.id = m.user_id "
                         "WHERE u.email = 'nadia@example.org' AND m.role = 'co-porteur'"),
            1);
  // The inviter is told; the list says accepted, by whom.
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM notifications WHERE user_id = " + std::to_string(p.porteur.id) +
                         " AND message LIKE 'Your invitation to%'"),
            1);
  EXPECT_NE(porteur.get(std::string(kInvitingCoalition) + "/invitations").body.find("par Nadia Diallo"),
            std::string::npos);

  // Used once: the same link again changes nothing and says why.
  auto again = nadia.post("/invitations/accepter", {{"jeton", link_token(link)}});
  EXPECT_EQ(again.status, 400);
  EXPECT_NE(again.body.find("Cette invitation a déjà été acceptée"), std::string::npos) << again.body;
  EXPECT_EQ(nadia.get(link).status, 400);
}

TEST(Invitations, ACoPorteurInvitationIsRefusedToAnotherAccountWithNothingWrittenAndAcceptedByTheInvitedOne) {
  InvitingProgramme p("invitations-5");
  // The invited address has an account typed with capitals: compared case-insensitively.
  const accounts::User claire = p.site.add_user("Claire.Dupont@Example.org", "Claire Dupont", kPassword);
  Browser porteur(p.site);
  porteur.sign_in("porteur@example.org", kPassword);
  ASSERT_EQ(invite_by_mail(porteur, kInvitingCoalition, "claire.dupont@example.org", "co-porteur").status, 303);
  EXPECT_EQ(p.site.deliver_mail(), 1);
  const auto mails = mails_to(p.smtp, "claire.dupont@example.org");
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_NE(text_of(mails[0], "text").find("avec cette adresse : elle seule peut accepter"), std::string::npos)
      << text_of(mails[0], "text");
  const std::string link = link_in(mails[0], "/invitations/accepter");
  ASSERT_FALSE(link.empty());

  // The link forwarded to someone else, and to a member of the coalition: both refused, told to
  // which address it was sent (masked), nothing written.
  const auto notices = p.site.count("SELECT COUNT(*) FROM notifications");
  const auto roles = p.site.count("SELECT COUNT(*) FROM coalition_members WHERE role = 'co-porteur'");
  for (const char* who : {"autre@example.org", "membre@example.org"}) {
    Browser other(p.site);
    other.sign_in(who, kPassword);
    auto seen = other.get(link);
    EXPECT_EQ(seen.status, 403) << who;
    EXPECT_NE(seen.body.find("Cette invitation a été envoyée à c***@example.org"), std::string::npos) << seen.body;
    EXPECT_EQ(seen.body.find("Accepter l’invitation"), std::string::npos);
    EXPECT_EQ(seen.body.find("claire.dupont@"), std::string::npos);  // the address itself is not shown
    auto refused = other.post("/invitations/accepter", {{"jeton", link_token(link)}});
    EXPECT_EQ(refused.status, 403) << who;
    EXPECT_NE(refused.body.find("c***@example.org"), std::string::npos) << refused.body;
  }
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM invitations WHERE accepted_at IS NOT NULL OR accepted_by IS NOT NULL"),
            0);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM coalition_members WHERE role = 'co-porteur'"), roles);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM coalition_members WHERE user_id = " + std::to_string(p.outsider.id)), 0);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM notifications"), notices);

  // The invited account accepts it: still usable after the refusals.
  Browser invited(p.site);
  invited.sign_in("claire.dupont@example.org", kPassword);
  EXPECT_EQ(invited.get(link).status, 200);
  auto accepted = invited.post("/invitations/accepter", {{"jeton", link_token(link)}});
  ASSERT_EQ(accepted.status, 303) << accepted.body;
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM coalition_members WHERE role = 'co-porteur' AND user_id = " +
                         std::to_string(claire.id)),
            1);

  // A member invitation is not bound to its address: another account may accept it.
  ASSERT_EQ(invite_by_mail(porteur, kInvitingCoalition, "olga.pro@example.org", "membre").status, 303);
  p.site.deliver_mail();
  const std::string member_link = link_in(mails_to(p.smtp, "olga.pro@example.org").at(0), "/invitations/accepter");
  Browser olga(p.site);
  olga.sign_in("autre@example.org", kPassword);
  EXPECT_EQ(olga.get(member_link).status, 200);
  ASSERT_EQ(olga.post("/invitations/accepter", {{"jeton", link_token(member_link)}}).status, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM coalition_members WHERE role = 'membre' AND user_id = " +
                         std::to_string(p.outsider.id)),
            1);
}

TEST(Invitations, AnInvitationToAnEventRegistersOnceConfirmedAndExpiredOrCancelledLinksSaySo) {
  InvitingProgramme p("invitations-2");
  Browser anim(p.site);
  anim.sign_in("anim@example.org", kPassword);
  // The event is confirmed first, so that accepting registers.
  {
    auto c = p.site.db().acquire();
    c->execute("UPDATE events SET status = 'confirmed'");
  }
  ASSERT_EQ(invite_by_mail(anim, "/evenements/atelier-territorial", "olga@example.org autre@example.org").status, 303);
  EXPECT_EQ(p.site.deliver_mail(), 2);
  // An address with an account gets the mail under its name.
  auto olga_mail = mails_to(p.smtp, "autre@example.org");
  ASSERT_EQ(olga_mail.size(), 1u);
  EXPECT_EQ(header(olga_mail[0], "to"), "Olga Autre <autre@example.org>");
  const std::string link = link_in(olga_mail[0], "/invitations/accepter");
  Browser olga(p.site);
  olga.sign_in("autre@example.org", kPassword);
  olga.get(link);
  auto accepted = olga.post("/invitations/accepter", {{"jeton", link_token(link)}});
  ASSERT_EQ(accepted.status, 303) << accepted.body;
  EXPECT_EQ(accepted.header("location"), "/evenements/atelier-territorial");
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM registrations WHERE user_id = " + std::to_string(p.outsider.id) +
                         " AND status = 'registered'"),
            1);
  EXPECT_EQ(p.site.deliver_mail(), 2);  // her place at the event, and the inviter told it was accepted

  // The other link expires after two weeks; the list says so and offers to send it again.
  const std::string other = link_in(mails_to(p.smtp, "olga@example.org").at(0), "/invitations/accepter");
  p.site.advance(std::chrono::days(15));
  auto expired = olga.get(other);
  EXPECT_EQ(expired.status, 400);
  EXPECT_NE(expired.body.find("Cette invitation a expiré"), std::string::npos) << expired.body;
  EXPECT_EQ(olga.post("/invitations/accepter", {{"jeton", link_token(other)}}).status, 400);
  auto list = anim.get("/evenements/atelier-territorial/invitations");
  EXPECT_NE(list.body.find("Expirée le"), std::string::npos) << list.body;

  // Sent again: a new link that works, the old one no longer.
  const std::string id = std::to_string(p.site.count("SELECT id FROM invitations WHERE email = 'olga@example.org'"));
  ASSERT_EQ(anim.post("/invitations/" + id + "/renvoyer", {}).status, 303);
  EXPECT_EQ(p.site.deliver_mail(), 1);
  const std::string renewed = link_in(mails_to(p.smtp, "olga@example.org").back(), "/invitations/accepter");
  EXPECT_NE(renewed, other);
  EXPECT_EQ(olga.get(other).status, 400);
  EXPECT_EQ(olga.get(renewed).status, 200);
  // Cancelled: its link says so.
  ASSERT_EQ(anim.post("/invitations/" + id + "/annuler", {}).status, 303);
  auto cancelled = olga.get(renewed);
  EXPECT_EQ(cancelled.status, 400);
  EXPECT_NE(cancelled.body.find("Cette invitation a été annulée"), std::string::npos);
  // An unknown link.
  EXPECT_EQ(olga.get("/invitations/accepter?jeton=inconnu").status, 400);
}

TEST(Invitations, AnInvalidAddressIsRefusedNextToTheFieldAndNothingIsSent) {
  InvitingProgramme p("invitations-3");
  Browser porteur(p.site);
  porteur.sign_in("porteur@example.org", kPassword);
  const auto mails = p.site.count("SELECT COUNT(*) FROM outbox");
  auto r = invite_by_mail(porteur, kInvitingCoalition, "bon@example.org, pas-une-adresse", "membre", "Bienvenue");
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("id=\"f-emails-error\""), std::string::npos);
  EXPECT_NE(r.body.find("Certaines adresses ne sont pas valides"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("<li>pas-une-adresse</li>"), std::string::npos);
  EXPECT_NE(r.body.find("bon@example.org, pas-une-adresse</textarea>"), std::string::npos);  // kept
  EXPECT_NE(r.body.find("Bienvenue</textarea>"), std::string::npos);
  EXPECT_EQ(invite_by_mail(porteur, kInvitingCoalition, "").status, 422);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM invitations"), 0);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM outbox"), mails);
  // Only those who may invite.
  Browser member(p.site);
  member.sign_in("membre@example.org", kPassword);
  EXPECT_EQ(member.get(std::string(kInvitingCoalition) + "/invitations").status, 403);
  EXPECT_EQ(member.post(std::string(kInvitingCoalition) + "/invitations", {{"emails", "x@example.org"}}).status, 403);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM outbox"), mails);
}

TEST(Invitations, TheActorsToInvolveOfTheBookletPrefillTheForm) {
  InvitingProgramme p("invitations-4");
  Browser porteur(p.site);
  porteur.sign_in("porteur@example.org", kPassword);
  porteur.get(std::string(kInvitingCoalition) + "/modifier");
  ASSERT_EQ(porteur
                .post(std::string(kInvitingCoalition) + "/modifier",
                      {{"base_revision", "0"},
                       {"acteurs", "- La Fabrique des communs (contact@fabrique-communs.example)\n- une collectivité"}})
                .status,
            303);
  auto page = porteur.get(kInvitingCoalition);
  EXPECT_NE(page.body.find(std::string(kInvitingCoalition) + "/invitations?depuis=acteurs"), std::string::npos);
  auto form = porteur.get(std::string(kInvitingCoalition) + "/invitations?depuis=acteurs");
  EXPECT_EQ(form.status, 200);
  EXPECT_NE(form.body.find(">contact@fabrique-communs.example</textarea>"), std::string::npos) << form.body;
  EXPECT_NE(form.body.find("une collectivité"), std::string::npos);
}

TEST(DatePoll, AnsweredByThreeChangedThenClosedIntoAConfirmedEventWithNoticesAndLaterAnswersRefused) {
  InvitingProgramme p("date-poll-1");
  Browser anim(p.site), porteur(p.site), member(p.site), guest(p.site), outsider(p.site);
  anim.sign_in("anim@example.org", kPassword);
  const std::string poll = "/evenements/atelier-territorial/dates";
  anim.get(poll);
  ASSERT_EQ(
      anim.post(poll + "/creneaux", {{"poll_starts", p.day(30, "14:00")}, {"poll_ends", p.day(30, "17:00")}}).status,
      303);
  ASSERT_EQ(
      anim.post(poll + "/creneaux", {{"poll_starts", p.day(31, "09:30")}, {"poll_ends", p.day(31, "12:00")}}).status,
      303);
  // A bad date is refused next to its field, what was typed kept.
  auto bad = anim.post(poll + "/creneaux", {{"poll_starts", p.day(32, "14:00")}, {"poll_ends", p.day(32, "10:00")}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("id=\"f-poll_ends-error\""), std::string::npos);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM date_poll_slots"), 2);
  const auto first = p.site.count("SELECT MIN(id) FROM date_poll_slots");
  const auto second = p.site.count("SELECT MAX(id) FROM date_poll_slots");
  const std::string a = "creneau-" + std::to_string(first), b = "creneau-" + std::to_string(second);

  // An invited guest (who accepts), a co-porteur and a member of the event's coalition answer.
  ASSERT_EQ(invite_by_mail(anim, "/evenements/atelier-territorial", "guest@example.org").status, 303);
  p.site.add_user("guest@example.org", "Gaëlle Invitée", kPassword);
  guest.sign_in("guest@example.org", kPassword);
  p.site.deliver_mail();
  const std::string link = link_in(mails_to(p.smtp, "guest@example.org").at(0), "/invitations/accepter");
  guest.get(link);
  ASSERT_EQ(guest.post("/invitations/accepter", {{"jeton", link_token(link)}}).status, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM registrations"), 0);  // registration waits for the date

  porteur.sign_in("porteur@example.org", kPassword);
  member.sign_in("membre@example.org", kPassword);
  for (auto* who : {&guest, &porteur, &member}) who->get(poll);
  EXPECT_EQ(guest.post(poll + "/reponses", {{a, "yes"}, {b, "no"}}).status, 303);
  EXPECT_EQ(porteur.post(poll + "/reponses", {{a, "maybe"}, {b, "yes"}}).status, 303);
  EXPECT_EQ(member.post(poll + "/reponses", {{a, "no"}, {b, "yes"}}).status, 303);
  // A changed answer replaces the earlier one.
  member.get(poll);
  EXPECT_EQ(member.post(poll + "/reponses", {{a, "yes"}}).status, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM date_poll_answers"), 6);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM date_poll_answers WHERE answer = 'yes'"), 4);
  // A bad answer is refused, nothing written.
  member.get(poll);
  EXPECT_EQ(member.post(poll + "/reponses", {{a, "peut-etre"}}).status, 422);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM date_poll_answers WHERE answer = 'yes'"), 4);
  // Someone neither invited nor a member sees the counts but may not answer.
  outsider.sign_in("autre@example.org", kPassword);
  auto seen = outsider.get(poll);
  EXPECT_EQ(seen.status, 200);
  EXPECT_EQ(seen.body.find("Gaëlle Invitée"), std::string::npos);
  EXPECT_EQ(outsider.post(poll + "/reponses", {{a, "yes"}}).status, 403);

  // The organiser sees the table with its caption and counts, and picks the first date.
  auto table = anim.get(poll);
  EXPECT_NE(table.body.find("<caption id=\"c-dates\">Réponses par date proposée</caption>"), std::string::npos);
  EXPECT_NE(table.body.find("Gaëlle Invitée"), std::string::npos);
  ASSERT_EQ(anim.post(poll + "/choix", {{"creneau", std::to_string(first)}}).status, 303);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM events WHERE status = 'confirmed'"), 1);
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM events e JOIN date_poll_slots s ON s.event_id = e.id "
                         "WHERE s.chosen = 1 AND e.starts_at = s.starts_at AND e.ends_at = s.ends_at"),
            1);
  // Everyone who answered is told, with the notice an organiser's confirmation gives.
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM notifications "
                         "WHERE message = 'The date of the event “{}” is confirmed.'"),
            3);

  // Closed: answers are refused, nothing written, and registration is open to the guest.
  guest.get(poll);
  auto late = guest.post(poll + "/reponses", {{a, "no"}});
  EXPECT_EQ(late.status, 422);
  EXPECT_NE(late.body.find("Le sondage est clos"), std::string::npos) << late.body;
  EXPECT_EQ(p.site.count("SELECT COUNT(*) FROM date_poll_answers WHERE answer = 'no'"), 1);
  EXPECT_EQ(anim.post(poll + "/choix", {{"creneau", std::to_string(second)}}).status, 422);
  guest.get("/evenements/atelier-territorial");
  EXPECT_EQ(guest.post("/evenements/atelier-territorial/inscription", {}).status, 303);
}

}  // namespace
}  // namespace fabrique::test
