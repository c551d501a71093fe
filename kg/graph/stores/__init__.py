"""The store backends, one module each; ``kg.graph.store`` registers them by URL scheme."""
