"""Forms of the workbench. They check input and scope; the services do the writing.

One module per page: ``queue`` filters, ``actions`` act on a case, ``reveal`` shows a
phone, ``desk`` takes a call, ``intake`` dispatches with a confirmed category, ``notices``
sets how one hears of one's inbox.
"""
