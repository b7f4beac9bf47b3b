// A retired author id (the identity model merged it into another person): the live id it redirects to. No row when
// the id was never retired.
MATCH (r:AuthorRedirect {id: $id})
RETURN r.redirectTo AS redirectTo, r.reason AS reason
