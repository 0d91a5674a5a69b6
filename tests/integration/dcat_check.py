#!/usr/bin/env python3
"""Reads the register's DCAT catalogue with a real RDF parser (Debian's python3-rdflib): the JSON-LD
and the Turtle export of the same page, given as two files. Prints one JSON object: the triples of
each, whether the two graphs are isomorphic, and per dataset (by its IRI) its title, publisher,
spatial coverage and access URLs, with the DCAT-AP fields it lacks and the reuses that reference it
(dct:isReferencedBy, from the Turtle); and what each reuse references (dct:references, from the
JSON-LD)."""
import json
import sys

from rdflib import Graph, Namespace, RDF
from rdflib.compare import isomorphic

DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
HYDRA = Namespace("http://www.w3.org/ns/hydra/core#")

jsonld, turtle = Graph(), Graph()
jsonld.parse(sys.argv[1], format="json-ld")
turtle.parse(sys.argv[2], format="turtle")

datasets = {}
for ds in sorted(turtle.subjects(RDF.type, DCAT.Dataset)):
    lacks = [name for name, p in (("title", DCT.title), ("description", DCT.description),
                                  ("publisher", DCT.publisher), ("spatial", DCT.spatial),
                                  ("distribution", DCAT.distribution)) if turtle.value(ds, p) is None]
    access = sorted(str(u) for d in turtle.objects(ds, DCAT.distribution) for u in turtle.objects(d, DCAT.accessURL))
    if not access:
        lacks.append("accessURL")
    datasets[str(ds)] = {
        "title": str(turtle.value(ds, DCT.title)),
        "publisher": str(turtle.value(ds, DCT.publisher)),
        "spatial": sorted(str(s) for s in turtle.objects(ds, DCT.spatial)),
        "access": access,
        "lacks": lacks,
        "referenced_by": sorted(str(r) for r in turtle.objects(ds, DCT.isReferencedBy)),
    }
references = {}
for reuse, ds in jsonld.subject_objects(DCT.references):
    references.setdefault(str(reuse), []).append(str(ds))
catalogues = list(turtle.subjects(RDF.type, DCAT.Catalog))
total = turtle.value(catalogues[0], HYDRA.totalItems) if catalogues else None
views = [v for c in catalogues for v in turtle.objects(c, HYDRA.view)]
print(json.dumps({
    "jsonld_triples": len(jsonld),
    "turtle_triples": len(turtle),
    "isomorphic": isomorphic(jsonld, turtle),
    "catalogues": len(catalogues),
    "total": int(total) if total is not None else None,
    "next": [str(n) for v in views for n in turtle.objects(v, HYDRA.next)],
    "datasets": datasets,
    "references": {k: sorted(v) for k, v in references.items()},
}))
