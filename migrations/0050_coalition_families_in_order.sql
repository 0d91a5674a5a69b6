-- Coalitions are listed family by family, in the families' order (position, then id), and by number
-- within a family. Without an index in the families' order the planner read every coalition and sorted
-- them all for each page of the list (/coalitions: 0.2 ms of its 1.2 at 1,000 coalitions); with it, it
-- walks the families in order and each family's coalitions from coalitions_family, already sorted, and
-- stops at the page's end.
CREATE INDEX coalition_families_in_order ON coalition_families (position, id);
