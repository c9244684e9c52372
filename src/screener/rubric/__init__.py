"""What a screening is measured against: the skills taxonomy (taxonomy.py) and a posting's
requirements (posting.py), both loaded from YAML with line numbers for every error (yamllines.py).
"""
