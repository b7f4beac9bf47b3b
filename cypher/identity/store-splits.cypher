// Stores split proposals (one person that may be two): the mentions `part` (paperId#position, 0-based) of `person`
// may be someone else, with the reason and the evidence. A reviewer's decision in `status` survives re-ingest.
UNWIND $splits AS row
MERGE (s:SplitProposal {id: row.id})
SET s.person = row.person, s.part = row.part, s.reason = row.reason, s.score = row.score, s.nameMatch = row.nameMatch,
    s.sharedCoauthors = row.sharedCoauthors, s.sharedCategories = row.sharedCategories, s.sharedTopics = row.sharedTopics,
    s.status = coalesce(s.status, 'open')
