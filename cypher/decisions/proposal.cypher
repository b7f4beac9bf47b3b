// A split proposal: its person, its part (`paperId#position` of each mention) and its review status. No row when there
// is no proposal with id $id.
MATCH (s:SplitProposal {id: $id})
RETURN s.id AS id, s.person AS person, coalesce(s.part, []) AS part, coalesce(s.status, 'open') AS status
