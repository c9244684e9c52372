"""What a screening is measured against: the skills taxonomy (taxonomy.py) and a posting's
requirements (posting.py, checked against the tables of postingspec.py, which also write the
posting JSON Schema), both loaded from YAML with line numbers for every error (yamllines.py).
"""
