"""The Timeline page: the plan's initiatives as bars across its months, in swimlanes, moved by
hand (a drag, or the arrow keys), one undo step each."""
