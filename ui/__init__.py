"""The Qt desktop app for Smarketing Planner.

It calls the core in :mod:`planner`, never the database; it arrives with the desktop-app issue.
"""
