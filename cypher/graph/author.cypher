// One author by id (404s, path ends).
MATCH (a:Author {id: $id})
RETURN a.id AS id, a.name AS name
