"""The browser UI (`rag ui`): a thin Gradio layer over the `rag` library.

`ui.render` and `ui.uploads` are pure helpers with unit tests; `ui.app` wires them into gr.Blocks.
"""
