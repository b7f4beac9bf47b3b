// Sets the review status of the suggestion between two persons ('rejected' by a decision, 'open' when it is undone).
// `changed` is 0 when there is no such suggestion (yet): a rejection is kept and applied when it appears.
OPTIONAL MATCH (a:Author {id: $a})-[s:MAYBE_SAME_AS]-(b:Author {id: $b})
SET s.status = $status, s.decision = $decision
RETURN count(s) AS changed
