// Papers whose title: id was made with a year inferred at ingest time (listing dates printed without a year), for the
// migration to ids without it. Runs once per database.
MATCH (p:Paper {datePrecision: 'inferred-year'})
WHERE p.id STARTS WITH 'title:'
RETURN p.id AS id, p.title AS title
ORDER BY id
