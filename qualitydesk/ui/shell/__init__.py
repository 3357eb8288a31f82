"""The frame around the pages: the main window, its menus, the step navigator, the session that
saves, the wizard that shows one step at a time.
"""
