"""One small router per domain; `api.app` mounts them all."""
