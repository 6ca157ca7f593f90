"""The Pelican side: the generator that walks the catalog, the templates environment, page rendering."""
