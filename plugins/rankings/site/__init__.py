"""What the site says in each language: the catalog of its outputs, the views, the words and numbers."""
