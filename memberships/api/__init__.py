"""REST API of the memberships app: states, memberships, organizations, candidacies and
observer statuses (routed under /api/v1/ by otscoop.api.urls)."""
