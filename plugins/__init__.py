"""Built-in checker plugins: dates, numbers, names, quotes (installed as factcheck.plugins)."""
