// Every object the API can refetch by id (:Keyed: organisations, teams, cycles, priorities, objectives, key
// results, initiatives, check-ins, retrospectives, measurements) has an id no other object of any kind holds,
// so an id alone names one object: the global id of GraphQL's node(id:). Also indexes lookups by id alone.
// Idempotent: safe to run at every start-up.
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT keyed_id IF NOT EXISTS FOR (n:Keyed) REQUIRE n.id IS UNIQUE
