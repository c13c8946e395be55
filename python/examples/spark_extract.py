"""Adds a column of alam mentions to a Parquet dataset with Spark, through Arrow.

    spark-submit --master 'local[*]' python/examples/spark_extract.py INPUT.parquet OUTPUT.parquet \
        [--text-column text] [--lexicon my_places.tsv ...]

INPUT has a string column of Arabic text (``text`` by default) and any others (an ``id``, say); OUTPUT
has the same rows with a ``mentions`` column: an array of structs with kind, text, start, end (UTF-8
byte offsets), char_start, char_end (character offsets, i.e. Python/Spark string positions from 0),
title, title_span, role, role_span, gender, sub_kind, country, source, entity and nested (places inside
an organization). ``title_span`` and ``role_span`` are null or a struct of start, end, char_start and
char_end: where a person's title and role stand in the text, with the same offsets.

Each Arrow batch goes to ``Extractor.extract_arrow`` without a copy of its text; alam must be installed
where the Python workers run (``pip install ./python``). Do not start it from the ``python/`` folder of
a checkout: the workers put their working directory first on ``sys.path`` and would import the source
folder ``alam/``, which has no compiled extension, instead of the installed package.
"""

import argparse
import sys
import time

import pyarrow as pa

import alam


def spark_type(arrow_type):
    """The Spark SQL type of an Arrow type made of strings, int64, lists and structs."""
    from pyspark.sql import types as T

    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type):
        return T.StringType()
    if pa.types.is_int64(arrow_type):
        return T.LongType()
    if pa.types.is_list(arrow_type):
        item = arrow_type.value_field
        return T.ArrayType(spark_type(item.type), containsNull=item.nullable)
    if pa.types.is_struct(arrow_type):
        fields = [arrow_type.field(i) for i in range(arrow_type.num_fields)]
        return T.StructType([T.StructField(f.name, spark_type(f.type), f.nullable) for f in fields])
    raise TypeError(f"no Spark type for {arrow_type}")


def add_mentions(df, text_column="text", extractor=None, column="mentions"):
    """``df`` with a column of the mentions of ``text_column``, computed with ``mapInArrow``.

    ``extractor`` (default: ``alam.Extractor()``) is pickled to the workers as its arguments; its lexicon
    files must be readable there.
    """
    from pyspark.sql import types as T

    if column in df.columns:
        raise ValueError(f"the input already has a column named {column!r}")
    ex = extractor if extractor is not None else alam.Extractor()
    schema = T.StructType(
        [*df.schema.fields, T.StructField(column, spark_type(alam.Extractor.arrow_type()), True)]
    )

    def extract(batches):
        for batch in batches:
            mentions = ex.extract_arrow(batch.column(text_column))
            yield pa.RecordBatch.from_arrays(
                [*batch.columns, mentions], names=[*batch.schema.names, column]
            )

    return df.mapInArrow(extract, schema)


def main(argv=None):
    from pyspark.sql import SparkSession

    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="Parquet file or folder with a text column")
    p.add_argument("output", help="Parquet folder to write (replaced if it exists)")
    p.add_argument("--text-column", default="text")
    p.add_argument("--lexicon", action="append", default=[], help="a lexicon file of your own")
    args = p.parse_args(argv)

    spark = SparkSession.builder.appName("alam-extract").getOrCreate()
    try:
        df = spark.read.parquet(args.input)
        if args.text_column not in df.columns:
            p.error(f"{args.input} has no column {args.text_column!r} (columns: {df.columns})")
        ex = alam.Extractor(args.lexicon) if args.lexicon else alam.Extractor()
        started = time.perf_counter()
        add_mentions(df, args.text_column, ex).write.mode("overwrite").parquet(args.output)
        print(
            f"spark_extract: wrote {args.output} in {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
