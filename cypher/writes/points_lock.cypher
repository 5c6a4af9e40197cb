// name: writes/points_lock
// description: Takes the write lock on a person before points are earned or redeemed (setting a
// property locks the node until the transaction ends), so concurrent redemptions by one person run
// one after the other and each sees the balance its predecessor left. No row for an unknown person.
// param: person_id: string -- the person's id
// param: now: datetime -- updated_at
// returns: person_id (string)
MATCH (p:Person {id: $person_id})
SET p.updated_at = $now
RETURN p.id AS person_id
