"""与往年对比: an earlier application file beside the open one (:mod:`.launch` opens it)."""
