"""Running a batch: walking the inputs (inputs.py), parsing in local worker processes (pool.py,
work.py) or on a Dask cluster (cluster.py), and the SQLite cache of parsed files (cache.py,
serialize.py); batch.py puts them together. The only package that knows about processes and disk
caches; it knows nothing of postings or scores.
"""
