// Bulk load post-pass: removes the batch marks `_b` the import wrote on papers and authors (used only by
// bulk/suggestion-candidates-as-of), so the graph carries exactly the transactional path's properties.
MATCH (n)
WHERE (n:Paper OR n:Author) AND n._b IS NOT NULL
CALL (n) {
  REMOVE n._b
} IN TRANSACTIONS OF 10000 ROWS
