"""The widget layer: builders that wire library functions to ipywidgets controls.

Only this sub-package imports ipywidgets or IPython. Builders return the container without
displaying it; the notebooks display it.
"""
