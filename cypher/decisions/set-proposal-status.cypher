// Sets the review status of split proposal $proposal ('accepted' or 'rejected' by a decision, 'open' when it is undone).
// `changed` is 0 when there is no such proposal (yet): the decision is kept and applied when it appears.
OPTIONAL MATCH (s:SplitProposal {id: $proposal})
SET s.status = $status, s.decision = $decision
RETURN count(s) AS changed
