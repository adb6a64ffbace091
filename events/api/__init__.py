"""REST API of the events app: councils, meetings, joint statements, topics and election
observation missions (routed under /api/v1/ by otscoop.api.urls)."""
