"""python-docx with its modules as files beside the archive (build.spec puts this folder first).

python-docx finds its templates relative to its modules' files (``docx/parts/../templates/…``),
so the contrib hook, which collects only the templates, gives a frozen program whose Word copy
fails at the first header. Collecting the modules as files too keeps that path real.
"""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("docx")
module_collection_mode = "pyz+py"
