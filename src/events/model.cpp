// Lookups over the fixed lists of the events model.
#include "events/model.hpp"

namespace fabrique::events {

const SlotKindDef* slot_kind(std::string_view slug) {
  for (const auto& k : kSlotKinds)
    if (slug == k.slug) return &k;
  return nullptr;
}

const EventStatusDef& event_status(EventStatus s) {
  for (const auto& d : kEventStatuses)
    if (d.status == s) return d;
  return kEventStatuses[0];
}

const EventStatusDef* event_status(std::string_view slug) {
  for (const auto& d : kEventStatuses)
    if (slug == d.slug) return &d;
  return nullptr;
}

std::string_view item_kind_slug(ItemKind k) {
  switch (k) {
    case ItemKind::question:
      return "question";
    case ItemKind::decision:
      return "decision";
    case ItemKind::next_step:
      return "next_step";
    case ItemKind::idea:
      return "idea";
  }
  return "question";
}

std::string_view proposal_status_slug(ProposalStatus s) {
  switch (s) {
    case ProposalStatus::proposed:
      return "proposed";
    case ProposalStatus::adopted:
      return "adopted";
    case ProposalStatus::merged:
      return "merged";
    case ProposalStatus::declined:
      return "declined";
  }
  return "proposed";
}

}  // namespace fabrique::events
