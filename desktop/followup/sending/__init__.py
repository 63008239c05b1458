"""Sending follow-ups, shared by the window and the command line: `preflight` says what stands
between a follow-up and the mail server, `delivery` sends it and keeps its status true.

This layer sits above ``store`` and ``mail`` and below the two front ends; it imports no Qt.
"""
