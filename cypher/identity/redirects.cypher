// Which of $ids are retired author ids (no person has the id now) and the id each redirects to, one hop; no row for an
// id that names a person or was never an author. The caller follows longer chains (a curated merge of a person that
// older ids already redirect to leaves them pointing at it).
UNWIND $ids AS id
MATCH (r:AuthorRedirect {id: id})
WHERE NOT EXISTS { MATCH (:Author {id: id}) }
RETURN id, r.redirectTo AS redirectTo, r.reason AS reason
