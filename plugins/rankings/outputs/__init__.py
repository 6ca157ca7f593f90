"""The files made from the catalog: charts, PDFs, share images, open data, through one cache-and-pool engine."""
