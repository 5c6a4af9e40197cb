"""The knowledge model in code (MODEL.md): enumerations, node types, and the input file kinds."""
from graph.model.enums import *  # noqa: F401,F403
from graph.model.kinds import BY_NAME, KINDS, FileKind, Ref  # noqa: F401
from graph.model.nodes import LABELS, NODE_MODELS, NodeModel  # noqa: F401
