// Takes the state node's write lock (creating it on a new database) and returns the version: a summary computed in the
// same transaction afterwards describes exactly this version, as writers wait to bump it until this one ends.
MERGE (s:PaperGraphState {key: 'graph'})
  ON CREATE SET s.version = 0, s.epoch = randomUUID()
SET s.summaryLockedAt = datetime()
RETURN s.version AS version, s.epoch AS epoch
