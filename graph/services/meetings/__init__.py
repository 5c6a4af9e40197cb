"""The joint-meeting cycle and the incentive ledgers: the agenda of a community's next joint
meeting, recording meetings and their task lists, tracking tasks, the co-building units' yearly
review, two-way points and residents' ratings (docs/meetings.md)."""
