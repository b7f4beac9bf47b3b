// What each id names now: a person (an :Author), a retired id redirecting to another, both, or nothing.
UNWIND $ids AS id
OPTIONAL MATCH (a:Author {id: id})
OPTIONAL MATCH (r:AuthorRedirect {id: id})
RETURN id, a IS NOT NULL AS isAuthor, a.name AS name, r.redirectTo AS redirectTo
