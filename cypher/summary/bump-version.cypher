// Bumps the graph version: run inside every transaction that changes what the views show, so the version and the data
// commit together. The state node is a singleton (constraint paper_graph_state_key); its write lock also orders
// concurrent writers. `epoch` tells one database's versions from another's (a reset database counts from 1 again).
MERGE (s:PaperGraphState {key: 'graph'})
  ON CREATE SET s.version = 0, s.epoch = randomUUID()
SET s.version = s.version + 1, s.changedAt = datetime()
RETURN s.version AS version, s.epoch AS epoch
