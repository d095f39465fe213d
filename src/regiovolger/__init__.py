"""regiovolger: reads Dutch governance documents and turns them into facts with evidence.

The pipeline core (read, segment, extract) is plain Python and never imports
Django; storage and the web live in ``regiovolger.store`` (and later ``web``).
"""

__version__ = "0.1.0"
