"""Steps that run kontan_clean inside other data-processing frameworks.

Each integration lives in its own module and imports its framework only when that module
is imported, so `import kontan_clean` never needs any of them:

- `kontan_clean.integrations.datatrove`: `KontanExtractor`, `KontanMetadataExtractor`,
  `parquet_schema` (`pip install 'kontan-clean[datatrove]'`; `[warc]` for datatrove's
  `WarcReader`). Without datatrove, importing it raises `kontan_clean.DependencyError`.
"""
