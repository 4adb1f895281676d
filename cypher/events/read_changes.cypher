// What live-update readers poll: the changes recorded after number $after (see record_change.cypher), oldest
// first, at most $limit, and the feed's head (the last number given out; 0 before the first change). A
// reader whose $after is above the head is reading a feed that was reset (its nodes deleted): it starts
// again from 0. A gap between $after and the first change returned means changes expired unread.
// :param after => 0
// :param limit => 500
// Returns: head, changes (a list of {seq, cause, keyResultIds}, oldest first)
OPTIONAL MATCH (feed:ChangeFeed {name: 'key-results'})
RETURN coalesce(feed.seq, 0) AS head,
       COLLECT {
         MATCH (change:Change)
         WHERE change.seq > $after
         RETURN change {.seq, .cause, .keyResultIds}
         ORDER BY change.seq
         LIMIT $limit
       } AS changes
