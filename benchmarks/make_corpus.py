"""Write a synthetic corpus of resume PDFs for the throughput benchmark.

    python benchmarks/make_corpus.py [FOLDER] [--style varied|word] [--count 500] [--seed 1]

The writers live in screener_testkit.make_corpus (installed with `pip install -e ".[test]"`);
see its docstring for the two styles.
"""

from screener_testkit.make_corpus import main

if __name__ == "__main__":
    main()
